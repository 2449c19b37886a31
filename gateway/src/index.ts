import { loadGatewayConfig } from './config';
import { createGateway } from './server';

async function main(): Promise<void> {
  const gateway = await createGateway(loadGatewayConfig());
  const url = await gateway.listen();
  gateway.logger.info({ url }, 'Sanshe gateway ready');
  const shutdown = () => void gateway.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main();
