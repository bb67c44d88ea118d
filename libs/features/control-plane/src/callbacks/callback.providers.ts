import { CallbackDeliveryClient } from './callback-delivery.client';
import { CallbackEventsConsumer } from './callback-events.consumer';

/** Providers of the callbackAddresses deliveries, for DspModule (next to the negotiation and transfer repositories). */
export const CALLBACK_PROVIDERS = [CallbackDeliveryClient, CallbackEventsConsumer];
