// Saving a file from an extension page: a link to a Blob, clicked. Needs no "downloads" permission.
export function saveFile(name: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  // The browser has read the Blob once the download started; a delay covers slow starts.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function saveJson(name: string, value: unknown): void {
  saveFile(name, JSON.stringify(value, null, 2) + '\n', 'application/json');
}
