// The images module: the OS catalog's images and the custom images instances' snapshots make.
import { defineModule } from '../module.js';
import { imageActionHandlers } from './action-handlers.js';
import { registerImageRoutes } from './routes.js';
import { ImagesService } from './service.js';

declare module '../module.js' {
  interface Services {
    images: ImagesService;
  }
}

export const imagesModule = defineModule('images', (context) => {
  const { db, drivers, clock, events, cursors } = context;
  const images = new ImagesService(context);
  return {
    service: images,
    routes: (app) => registerImageRoutes(app, images, cursors),
    actionHandlers: imageActionHandlers(db, drivers.compute, clock, events),
  };
});
