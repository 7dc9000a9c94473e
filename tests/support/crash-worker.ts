// A worker process for tests/integration/events-crash.test.ts: it claims the test mail event, sends the
// mail and dies (exit code 17) before the delivery is recorded.
import { startWorker } from "@/lib/events";
import { registerTestMailHandler, TEST_MAIL_TYPE } from "./mail-handler";

registerTestMailHandler({ crashAfterSend: true });
startWorker({ types: [TEST_MAIL_TYPE], pollMs: 100, leaseSeconds: 3 });
