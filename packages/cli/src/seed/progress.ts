/** What the web app shows while demo data arrives: `running` until the seed ends. */
export type SeedState = 'none' | 'running' | 'done' | 'failed';

export interface SeedStatus {
  state: SeedState;
  notes: { done: number; planned: number };
  accounts: { done: number; planned: number };
}

/** The seed's progress, written by the seeder and read by the status route of the same process. */
export class SeedProgress {
  private current: SeedStatus = {
    state: 'none',
    notes: { done: 0, planned: 0 },
    accounts: { done: 0, planned: 0 },
  };

  status(): SeedStatus {
    return this.current;
  }

  /** Seeding is decided on; the plan's size comes with `planned`. */
  starting(): void {
    this.current = { ...this.current, state: 'running' };
  }

  planned(accounts: number, notes: number): void {
    this.current = {
      state: 'running',
      notes: { done: 0, planned: notes },
      accounts: { done: 0, planned: accounts },
    };
  }

  advanced(accounts: number, notes: number): void {
    const { notes: n, accounts: a } = this.current;
    this.current = { ...this.current, notes: { ...n, done: notes }, accounts: { ...a, done: accounts } };
  }

  ended(state: 'done' | 'failed'): void {
    this.current = { ...this.current, state };
  }
}
