// The container images module: uploaded OCI/docker archives that containers run.
import { defineModule } from '../module.js';
import { registerContainerImageRoutes } from './routes.js';
import { ContainerImagesService } from './service.js';

declare module '../module.js' {
  interface Services {
    'container-images': ContainerImagesService;
  }
}

export const containerImagesModule = defineModule('container-images', (context) => {
  const images = new ContainerImagesService(context);
  return {
    service: images,
    routes: (app) => registerContainerImageRoutes(app, images, context.cursors),
    periodicTasks: [{ name: 'abandoned container image uploads', everyMs: 60_000, run: () => images.sweepAbandonedUploads() }],
  };
});
