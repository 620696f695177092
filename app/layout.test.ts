// The web manifest and icons in public/, as the root layout links them: valid, complete, and every
// file named is there at the size it claims.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metadata } from "@/app/layout";

const publicDir = path.resolve(import.meta.dirname, "..", "public");
const publicFile = (url: string) => path.join(publicDir, new URL(url, "http://bolt.test").pathname);

type ManifestIcon = { src: string; sizes: string; type: string; purpose?: string };
const manifest = JSON.parse(readFileSync(path.join(publicDir, "manifest.webmanifest"), "utf8")) as {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: ManifestIcon[];
};

/** Width x height from a PNG's IHDR chunk. */
function pngSize(file: string): string {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/** A CSS oklch() colour as sRGB channels 0-255 (the formulas of CSS Color 4). */
function oklchToRgb(l: number, c: number, hue: number): number[] {
  const a = c * Math.cos((hue * Math.PI) / 180);
  const b = c * Math.sin((hue * Math.PI) / 180);
  const [lc, mc, sc] = [
    l + 0.3963377774 * a + 0.2158037573 * b,
    l - 0.1055613458 * a - 0.0638541728 * b,
    l - 0.0894841775 * a - 1.291485548 * b,
  ].map((v) => v ** 3) as [number, number, number];
  const linear = [
    4.0767416621 * lc - 3.3077115913 * mc + 0.2309699292 * sc,
    -1.2684380046 * lc + 2.6097574011 * mc - 0.3413193965 * sc,
    -0.0041960863 * lc - 0.7034186147 * mc + 1.707614701 * sc,
  ];
  const gamma = (v: number) => (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
  return linear.map((v) => Math.round(Math.min(1, Math.max(0, gamma(v))) * 255));
}

function cssVariableAsRgb(name: string): number[] {
  const css = readFileSync(path.resolve(import.meta.dirname, "globals.css"), "utf8");
  const match = new RegExp(`--${name}:\\s*oklch\\(([\\d.]+) ([\\d.]+) ([\\d.]+)\\)`).exec(css);
  expect(match, `--${name} in globals.css`).not.toBeNull();
  const [l, c, h] = match!.slice(1).map(Number) as [number, number, number];
  return oklchToRgb(l, c, h);
}

const hexAsRgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

describe("public/manifest.webmanifest", () => {
  it("names the app and how it opens", () => {
    expect(manifest).toMatchObject({
      name: "Bolt",
      short_name: "Bolt",
      start_url: "/",
      display: "standalone",
    });
  });

  it("has the brand's colours: the primary plum and the paper background of globals.css", () => {
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(hexAsRgb(manifest.theme_color)).toEqual(cssVariableAsRgb("primary"));
    expect(hexAsRgb(manifest.background_color)).toEqual(cssVariableAsRgb("background"));
  });

  it("names icons that exist in public/ at the sizes it gives, 192 and 512 among them", () => {
    for (const icon of manifest.icons) {
      const file = publicFile(icon.src);
      expect(existsSync(file), icon.src).toBe(true);
      if (icon.type === "image/png") expect(pngSize(file), icon.src).toBe(icon.sizes);
      else expect(icon, icon.src).toMatchObject({ type: "image/svg+xml", sizes: "any" });
    }
    const pngSizes = manifest.icons.filter((i) => i.type === "image/png" && !i.purpose).map((i) => i.sizes);
    expect(pngSizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  });
});

describe("the root layout's metadata", () => {
  it("links the manifest and icons that are in public/", () => {
    expect(metadata.manifest).toBe("/manifest.webmanifest");
    expect(existsSync(publicFile(String(metadata.manifest)))).toBe(true);
    const icons = metadata.icons as Record<string, { url: string; sizes?: string } | Array<{ url: string }>>;
    const linked = Object.values(icons).flat();
    expect(linked.map((icon) => icon.url)).toEqual(["/icon.svg", "/icon-192.png", "/apple-touch-icon.png"]);
    for (const icon of linked) expect(existsSync(publicFile(icon.url)), icon.url).toBe(true);
    expect(pngSize(publicFile("/apple-touch-icon.png"))).toBe("180x180");
  });
});
