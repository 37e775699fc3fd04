/** A file's (or a blob's) bytes as base64, for a tRPC mutation (JSON). */
export function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // readAsDataURL always yields a string: data:…;base64,<bytes>
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file instanceof File ? file.name : 'the image'}`));
    reader.readAsDataURL(file);
  });
}
