import type { IncomingMessage, ServerResponse } from "node:http";

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

export function isApiPath(url: string): boolean;
export function badApiPath(url: string): 400 | 404 | null;
export function sendProblem(req: IncomingMessage, res: ServerResponse, status: number): void;
export function guardApiResponse(
  req: IncomingMessage,
  res: ServerResponse,
  allowOf: (url: string) => Promise<string | null>,
): void;
export function requestListener(
  handle: Listener,
  options: { trustProxy: boolean; allowOf: (url: string) => Promise<string | null> },
): Listener;
export function allowFromOptions(hostname: string, port: number): (url: string) => Promise<string | null>;
