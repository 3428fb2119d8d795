// The demo's worker: owns the device and the models, so training and generation never block the page.
import { dispatch, WorkerState } from './handlers.js';
import { serializeError, type CallName, type RequestMessage, type ResponseMessage } from './protocol.js';

const scope = self as unknown as {
  postMessage(message: ResponseMessage, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<RequestMessage>) => void) | null;
};
const state = new WorkerState();

scope.onmessage = (e) => {
  const { id, call, args } = e.data;
  const emit = (event: unknown) => scope.postMessage({ id, kind: 'event', event });
  dispatch(state, call as CallName, args as never, emit).then(
    (result) => {
      // Checkpoint bytes move to the page instead of being copied.
      const bytes = (result as { bytes?: unknown } | null)?.bytes;
      scope.postMessage({ id, kind: 'result', result }, bytes instanceof Uint8Array ? [bytes.buffer as ArrayBuffer] : []);
    },
    (error: unknown) => scope.postMessage({ id, kind: 'error', error: serializeError(error) }),
  );
};
