// Runs in the browser before the app hydrates. Zod probes for eval (`new Function("")`) the first time
// it parses an object, to pick its faster compiled parser; under the pages' CSP (no 'unsafe-eval') the
// probe is caught but still reported as a CSP violation, so the browser skips it. The server keeps JIT.
import { z } from "zod";

z.config({ jitless: true });
