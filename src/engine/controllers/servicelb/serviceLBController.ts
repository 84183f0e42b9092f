/**
 * A cloud provider's service controller (cloud-provider controllers/service): gives each
 * LoadBalancer Service a simulated external IP. Filled in by the Services work.
 */
import type { ComponentContext } from '../../component.ts';

export function startServiceLBController(_ctx: ComponentContext): void {}
