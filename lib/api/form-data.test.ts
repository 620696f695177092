import { describe, expect, it } from "vitest";
import { formDataToObject } from "@/lib/api/form-data";

describe("formDataToObject", () => {
  it("keeps single values, collects repeated ones and drops React's action fields", () => {
    const fd = new FormData();
    fd.append("name", "Luxe");
    fd.append("days", "mon");
    fd.append("days", "tue");
    fd.append("$ACTION_ID_abc", "");
    expect(formDataToObject(fd)).toEqual({ name: "Luxe", days: ["mon", "tue"] });
  });
});
