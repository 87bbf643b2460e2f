/**
 * Exclusive claims on keys (a person in an open pool, a sample in a shipment): all of them or none.
 * Implemented with unique inserts, so two concurrent claimants cannot both win (ADR 4).
 */
export interface Claims {
  /** Claims every key for `owner`, or none: returns the first key someone else holds. */
  claim(keys: readonly string[], owner: string): Promise<{ heldBy?: { key: string; owner: string } }>;
  /**
   * Many claims at once (bulk collection), each all-or-none on its own and decided in order, so of
   * two in the batch wanting the same key the first wins. Answers like `claim`, per request.
   */
  claimEach(
    requests: ReadonlyArray<{ keys: readonly string[]; owner: string }>,
  ): Promise<Array<{ heldBy?: { key: string; owner: string } }>>;
  release(keys: readonly string[], owner: string): Promise<void>;
}
