/** `npm run bench`: every registered figure (see ./registry). */
import { runBench } from './bench';
import { figures } from './registry';

runBench(figures);
