"use client";
// Add or edit a service: name, category, length, price, active, and the stylists who perform it.
// Staff see the same fields read-only. The receptionist quotes the new price on the next call.
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { CheckboxList } from "@/components/staff/checkbox-list";
import { RecordFieldset } from "@/components/staff/record-fieldset";
import { Card, CardContent } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SaveBar } from "@/components/ui/save-bar";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveServiceAction } from "@/lib/services/actions";

export type ServiceFormValues = {
  id?: string;
  name: string;
  category: string;
  durationMinutes: string;
  /** Dollars as shown: "45" or "45.50". */
  price: string;
  active: boolean;
  employeeIds: string[];
};

type Props = {
  values: ServiceFormValues;
  employees: Array<{ id: string; name: string; active: boolean }>;
  /** Categories already in use, offered as suggestions. */
  categories: string[];
  readOnly?: boolean;
};

export function ServiceForm({ values, employees, categories, readOnly = false }: Props) {
  const router = useRouter();
  const { state, formAction, pending, onSubmit, fieldErrors: errors } = useActionForm(saveServiceAction);
  const formError = state && !state.ok && !errors ? state.error : null;
  const saved = !values.id && state?.ok;
  useEffect(() => {
    if (saved) router.push("/services");
  }, [saved, router]);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <RecordFieldset
        legend={values.id ? `Edit ${values.name}` : "Add a service"}
        id={values.id}
        readOnly={readOnly}
        pending={pending}
        formError={formError}
      >
        <Card>
          <CardContent className="grid gap-5 sm:grid-cols-2">
            <FormField label="Name" name="name" errors={errors?.name}>
              {(f) => <Input {...f} defaultValue={values.name} maxLength={100} required autoComplete="off" />}
            </FormField>
            <FormField label="Category" name="category" hint="Groups the list, e.g. “Color”." errors={errors?.category}>
              {(f) => <Input {...f} defaultValue={values.category} maxLength={60} list="service-categories" autoComplete="off" />}
            </FormField>
            <datalist id="service-categories">
              {categories.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
            <FormField label="Duration (minutes)" name="durationMinutes" errors={errors?.durationMinutes}>
              {(f) => <Input {...f} defaultValue={values.durationMinutes} inputMode="numeric" placeholder="45" required />}
            </FormField>
            <FormField label="Price ($)" name="price" errors={errors?.priceCents}>
              {(f) => <Input {...f} defaultValue={values.price} inputMode="decimal" placeholder="45.00" required />}
            </FormField>
            <label className="flex items-center gap-2.5 text-sm font-medium sm:col-span-2">
              <input type="checkbox" name="active" defaultChecked={values.active} className="size-4 rounded border-input accent-primary" />
              Active (offered to callers and bookable)
            </label>
            <div className="sm:col-span-2">
              <CheckboxList
                legend="Performed by"
                legendVisible
                name="employeeIds"
                options={employees}
                checked={values.employeeIds}
                error={errors?.employeeIds?.[0]}
                empty="No stylists yet: add them on the Staff page."
              />
            </div>
          </CardContent>
        </Card>
        {!readOnly && <SaveBar pending={pending} note="The receptionist quotes the new price on the next call." />}
      </RecordFieldset>
    </form>
  );
}
