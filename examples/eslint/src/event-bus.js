// A stand-in for any other library with methods of the same names.
export class EventBus {
  trigger(event) {
    return event;
  }
  publish(event) {
    return event;
  }
}
