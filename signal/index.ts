// Public entry of the signalling server library (the app embeds it; `codecrafter signal` runs it).
export { startSignalServer, type SignalServer } from './server';
export { SignalServerOptionsSchema, SignalLimitsSchema, isLoopbackHost, type SignalServerOptions, type SignalLimits } from './options';
export { defaultSignalLogger, type SignalLogger } from './logger';
