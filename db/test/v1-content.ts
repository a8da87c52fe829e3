/**
 * Version 1 of the boundaries module exactly as it was published (content
 * hash f226ed3f…), before version 2 replaced content/boundaries/. Learners
 * who started on it keep working against it, so tests of that path, and
 * tests whose fixtures name its items, use it.
 */
import { moduleContentSchema, type ModuleContent } from "@/lib/learning/module/content-schema";
import v1 from "./fixtures/boundaries-v1.json";

export const boundariesV1: ModuleContent = moduleContentSchema.parse(v1);
