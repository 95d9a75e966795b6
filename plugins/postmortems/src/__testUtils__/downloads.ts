/** A file the screen handed to the browser to download. */
export interface Download {
  filename: string;
  type: string;
  text: () => Promise<string>;
}

/**
 * Records the downloads of the test (an `<a download>` on an object URL),
 * as jsdom has no object URLs and does not download.
 */
export function recordDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  beforeEach(() => {
    downloads.length = 0;
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        const url = `blob:test/${++n}`;
        blobs.set(url, blob);
        return url;
      }),
      revokeObjectURL: jest.fn(),
    });
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        const blob = blobs.get(this.href);
        if (!blob) throw new Error(`${this.href} is not an object URL`);
        downloads.push({
          filename: this.download,
          type: blob.type,
          text: () => blob.text(),
        });
      });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
  return downloads;
}
