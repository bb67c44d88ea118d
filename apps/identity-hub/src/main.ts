import './tracing';
import { startIdentityHub } from './start';

startIdentityHub().catch((error) => {
  // Configuration errors name the bad variable; print them plainly and exit non-zero.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
