<<<<<<< HEAD
/** Offering a file the app made (a deck, a backup, raw data) as a download. */

/** Saves `blob` as `name` through a temporary link, the way every browser downloads a Blob. */
=======
/** Offering a Blob as a download through a temporary `<a download>` link. */

/** Starts the download of `blob` as `name`. */
>>>>>>> h2
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers cancel the download.
<<<<<<< HEAD
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
=======
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
>>>>>>> h2
}
