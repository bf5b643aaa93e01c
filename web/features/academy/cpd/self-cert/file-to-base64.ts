/** A File as base64 (no data: prefix), for the JSON upload of evidence. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export const EVIDENCE_ACCEPT = "application/pdf,image/png,image/jpeg,image/webp";
export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;
