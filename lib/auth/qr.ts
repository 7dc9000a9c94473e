import QRCode from "qrcode";

/**
 * Renders `text` (e.g. an otpauth:// URI carrying the TOTP secret) as an inline SVG on the server.
 * Rendering locally matters: a third-party QR service would receive the secret.
 */
export function qrSvg(text: string): Promise<string> {
  // Medium error correction keeps the code small enough for phone cameras; margin 4 is the spec's quiet zone.
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
}
