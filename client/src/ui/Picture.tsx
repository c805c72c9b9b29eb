import { type ImgHTMLAttributes, useState } from "react";
import { currentLink, firstFailure, replaceLink } from "./pictureLinks.ts";

type Props = Omit<ImgHTMLAttributes<HTMLImageElement>, "src" | "onError"> & {
  src: string;
  /** Asks the API for a fresh link to this picture (null when there is none). */
  freshLink: () => Promise<string | null | undefined>;
};

/** An <img> whose expired link is replaced by a fresh one when it fails to load. */
export function Picture({ src, freshLink, alt, ...rest }: Props) {
  const [, setVersion] = useState(0);
  const link = currentLink(src);
  const onError = () => {
    if (!firstFailure(link)) return;
    void freshLink().then(
      (fresh) => {
        if (replaceLink(link, fresh)) setVersion((v) => v + 1);
      },
      () => {},
    );
  };
  return <img {...rest} alt={alt} src={link} onError={onError} />;
}
