import { NatsConnectionImpl, setTransportFactory, type ConnectionOptions, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';
import { NodeTransport, nodeResolveHost } from '@nats-io/transport-node/lib/node_transport';

/**
 * The Node transport of nats.js, sending what is written during one turn of the event loop in
 * one system call. nats.js flushes each batch of commands (one microtask's worth) straight to
 * the socket, so a service answering many requests per turn, each reply resumed by its own
 * database read, made a write per reply, and nats-server a read per write. Here the socket is
 * corked at the turn's first write and uncorked when the turn ends (setImmediate): the writes
 * leave together as one writev, microseconds later.
 */
export class CoalescingNodeTransport extends NodeTransport {
  private corked = false;

  override send(frame: Uint8Array): void {
    const socket = this.socket;
    if (socket && !this.corked) {
      this.corked = true;
      socket.cork();
      setImmediate(() => {
        this.corked = false;
        socket.uncork();
      });
    }
    super.send(frame);
  }
}

/**
 * `connect()` of @nats-io/transport-node, over CoalescingNodeTransport. The transport factory is
 * global to nats.js and read at every (re)connection, so every connection a service opens goes
 * through here (our client and Nest's transport alike).
 */
export function connectCoalescing(options: NodeConnectionOptions): Promise<NatsConnection> {
  setTransportFactory({ factory: () => new CoalescingNodeTransport(), dnsResolveFn: nodeResolveHost });
  return NatsConnectionImpl.connect(options as ConnectionOptions);
}
