import { Conflict } from "@/lib/errors";

/** The chosen time is no longer free (taken, held, outside hours, or the session is full). */
export class SlotUnavailable extends Conflict {
  override readonly type: string = "slot-unavailable";
  override readonly title: string = "That time is no longer available";
  constructor(message = "That time was just taken — please pick another.") {
    super(message);
  }
}
