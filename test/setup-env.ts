// Points every test worker's SDK clients at the engines the global setup started.
import { inject } from 'vitest';

Object.assign(process.env, inject('stackEnv'));
