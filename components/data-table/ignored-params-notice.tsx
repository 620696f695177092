// Above a list whose link carried a value the page couldn't read (readSearchParams left it out), so
// the list isn't silently wider than the link promised.
import { Notice } from "@/components/ui/notice";

export function IgnoredParamsNotice({ className }: { className?: string }) {
  return (
    <Notice tone="warning" title="Some filters in this link weren't valid" className={className}>
      They were left out; the list shows the rest.
    </Notice>
  );
}
