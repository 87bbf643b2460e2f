import type { Documents } from '@truyvet/store';
import type { FactKind, FactKinds } from '../domain/facts';

/** One collection per kind of fact. */
export type FactCollections = { [K in FactKind]: Documents<FactKinds[K]> };
