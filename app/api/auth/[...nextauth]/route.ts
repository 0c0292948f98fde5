import { handlers } from "@/app/lib/auth";

export const { GET, POST } = handlers;
