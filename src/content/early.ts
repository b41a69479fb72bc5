// Content script entry injected at document_start: see early-read.ts.
import { startEarlyRead } from './early-read';

startEarlyRead();
