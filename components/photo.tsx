import { getImageProps } from "next/image";

export type PhotoData = { file: string; width: number; height: number; altText: string };

// Every photo goes through Next's image optimiser with its real size, so nothing shifts while it loads.
// getImageProps gives the same resized srcset as <Image> without its client component: a photo on a public
// page costs no JavaScript.
export function Photo({
  photo,
  sizes,
  className,
  priority,
}: {
  photo: PhotoData;
  sizes: string;
  className?: string;
  priority?: boolean;
}) {
  const { props } = getImageProps({
    src: `/media/${photo.file}`,
    width: photo.width,
    height: photo.height,
    alt: photo.altText,
    sizes,
    className,
    priority,
    // What the page paints largest, on a phone above the fold: fetched at once and before other images.
    fetchPriority: priority ? "high" : undefined,
  });
  // eslint-disable-next-line @next/next/no-img-element -- the optimised props from getImageProps, see above
  return <img {...props} alt={photo.altText} />;
}
