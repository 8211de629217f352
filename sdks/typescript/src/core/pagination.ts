import type { Pagination } from '../models.js';
import { CloudNexusError } from './errors.js';

/** Query parameters every list takes. */
export interface PageParams {
  /** Results per page, 1-100 (server default 20). */
  limit?: number;
  /** The `next_cursor` of the previous page. */
  cursor?: string;
}

export interface ListBody<T> {
  data: T[];
  pagination: Pagination;
}

/** One page of a list, able to fetch the pages after it. */
export class Page<T> implements AsyncIterable<T> {
  readonly data: T[];
  readonly pagination: Pagination;

  constructor(
    body: ListBody<T>,
    private readonly fetchPage: (cursor: string) => Promise<Page<T>>,
  ) {
    this.data = body.data;
    this.pagination = body.pagination;
  }

  hasNextPage(): boolean {
    return this.pagination.has_more && this.pagination.next_cursor !== null;
  }

  getNextPage(): Promise<Page<T>> {
    const cursor = this.pagination.next_cursor;
    if (!this.hasNextPage() || cursor === null) {
      return Promise.reject(new CloudNexusError('This is the last page; check hasNextPage() first'));
    }
    return this.fetchPage(cursor);
  }

  /** This page and every page after it, one request at a time. */
  async *iterPages(): AsyncGenerator<Page<T>> {
    let page: Page<T> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** Every item of this page and of every page after it. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.iterPages()) yield* page.data;
  }
}

/**
 * What every `list()` returns: `await` it for the first page, or `for await` over it for every item
 * of every page. Nothing is requested until one of those happens.
 */
export class PagePromise<T> implements Promise<Page<T>>, AsyncIterable<T> {
  readonly [Symbol.toStringTag] = 'PagePromise';
  private firstPage: Promise<Page<T>> | undefined;

  constructor(private readonly loadFirstPage: () => Promise<Page<T>>) {}

  then<A = Page<T>, B = never>(
    onFulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.load().then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<Page<T> | B> {
    return this.load().catch(onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.load().finally(onFinally);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    yield* await this.load();
  }

  private load(): Promise<Page<T>> {
    this.firstPage ??= this.loadFirstPage();
    return this.firstPage;
  }
}

/**
 * A PagePromise over one list operation: `fetch` sends it with a query, and each following page
 * repeats the query with the next cursor.
 */
export function listPages<T>(query: object, fetch: (query: object) => Promise<ListBody<T>>): PagePromise<T> {
  const fetchPage = async (cursor?: string): Promise<Page<T>> => {
    const body = await fetch({ ...query, cursor: cursor ?? (query as PageParams).cursor });
    return new Page(body, fetchPage);
  };
  return new PagePromise(() => fetchPage());
}
