import { existsSync } from 'node:fs';
import { request } from 'node:http';

/** True when a Docker engine answers its ping (cheap: one request on the local socket). */
export async function dockerEngineAvailable(): Promise<boolean> {
  if (process.env.DOCKER_HOST?.startsWith('tcp://')) return ping({ host: new URL(process.env.DOCKER_HOST).hostname, port: Number(new URL(process.env.DOCKER_HOST).port || 2375) });
  const socketPath = process.env.DOCKER_HOST?.replace(/^unix:\/\//, '') ?? '/var/run/docker.sock';
  if (!existsSync(socketPath)) return false;
  return ping({ socketPath });
}

function ping(target: { socketPath?: string; host?: string; port?: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ ...target, path: '/_ping', timeout: 500 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy()).on('error', () => resolve(false)).end();
  });
}
