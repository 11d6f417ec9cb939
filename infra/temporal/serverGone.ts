// A call on an open connection whose server went away, told apart from every other failure: the web answers
// 503 and the CLI says to start Temporal, where anything else is a bug to report.
import { isGrpcServiceError, ServiceError } from '@temporalio/client';

/** gRPC's status code UNAVAILABLE (the SDK does not re-export grpc-js's enum). */
const grpcUnavailable = 14;

/** A call on an open connection whose server went away: gRPC UNAVAILABLE, bare or wrapped by the SDK. */
export function isServerGone(error: unknown): boolean {
  const grpc = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(grpc) && grpc.code === grpcUnavailable;
}

/** gRPC's DEADLINE_EXCEEDED and RESOURCE_EXHAUSTED: a read that ran out of time or was shed under load. */
const grpcBusy = new Set([4, 8]);

/** A read that may well succeed in a moment: Temporal away, or too busy to answer in time. */
export function isTransientRead(error: unknown): boolean {
  const grpc = error instanceof ServiceError ? error.cause : error;
  return isServerGone(error) || (isGrpcServiceError(grpc) && grpcBusy.has(grpc.code));
}
