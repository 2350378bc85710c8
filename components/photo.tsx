import Image from "next/image";

export type PhotoData = { file: string; width: number; height: number; altText: string };

// Every photo goes through next/image with its real size, so nothing shifts while it loads.
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
  return (
    <Image
      src={`/media/${photo.file}`}
      width={photo.width}
      height={photo.height}
      alt={photo.altText}
      sizes={sizes}
      className={className}
      priority={priority}
    />
  );
}
