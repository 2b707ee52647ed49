// Another library's `trigger` and `publish`: not an Upstash client, not checked.
import { EventBus } from "./event-bus.js";

const bus = new EventBus();
bus.trigger({ retryDelay: "whenever" });
bus.publish({ delay: "soon" });
