import { useEffect, useRef } from "react";

/** A modal picture viewer: a native dialog, so focus stays inside and Escape closes it. */
export function Lightbox(props: { url: string; alt: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes the dialog natively; the click is for the backdrop.
    <dialog
      ref={dialog}
      className="lightbox"
      aria-label={props.alt}
      onClose={props.onClose}
      onClick={(event) => {
        if (event.target === dialog.current) dialog.current?.close();
      }}
    >
      <img src={props.url} alt={props.alt} />
      <form method="dialog">
        <button type="submit" className="primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
