// The second factor: TOTP (RFC 6238, 6 digits, 30 s), compatible with common
// authenticator apps. A code is accepted one step either side of now, and never twice.
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: "Madoguchi", label: accountEmail, secret });
}

/** The QR code of the enrolment URI as SVG markup made by the qrcode library (no input is interpolated). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** The time step the code belongs to, or null when it is wrong or was already used. */
export async function acceptTotp(secret: string, code: string, lastAcceptedStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: 30 }).catch(() => null);
  if (!result?.valid || !("timeStep" in result) || typeof result.timeStep !== "number") return null;
  if (lastAcceptedStep !== null && result.timeStep <= lastAcceptedStep) return null;
  return result.timeStep;
}
