import type { MetadataRoute } from "next";

/** The web app manifest (/manifest.webmanifest): name, colours and icons for "install" and home screens. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Tasklane",
    short_name: "Tasklane",
    description: "Task management for teams",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icons/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icons/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
}
