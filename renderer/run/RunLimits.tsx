import type { LanguageId } from '../../common/languages';
import { useWorkbench, workbench, type RunLimitFields } from '../state/store';
import { limitDefaults, limitProblems } from './run-inputs';

// The time and memory limits of the next run (issue 11), checked as they are typed against the
// language's bounds; an empty field means the language's default, shown as the placeholder.

function LimitField(props: { field: keyof RunLimitFields; label: string; placeholder: number; problem: string | undefined }) {
  const value = useWorkbench((s) => s.runLimits[props.field]);
  const id = `run-limit-${props.field}`;
  return (
    <label className="run-limit">
      {props.label}
      <input
        inputMode="numeric"
        aria-label={props.label}
        aria-invalid={props.problem !== undefined}
        aria-describedby={props.problem ? `${id}-problem` : undefined}
        placeholder={String(props.placeholder)}
        value={value}
        onChange={(e) => workbench.set((s) => ({ runLimits: { ...s.runLimits, [props.field]: e.target.value } }))}
      />
      {props.problem && (
        <span id={`${id}-problem`} role="alert" className="input-problem">
          {props.problem}
        </span>
      )}
    </label>
  );
}

export function RunLimits({ language }: { language: LanguageId | null }) {
  const fields = useWorkbench((s) => s.runLimits);
  const problems = limitProblems(fields, language);
  const defaults = limitDefaults(language);
  return (
    <div className="run-limits">
      <LimitField field="timeMs" label="Time limit (ms)" placeholder={defaults.timeMs} problem={problems.timeMs} />
      <LimitField field="memoryMb" label="Memory limit (MB)" placeholder={defaults.memoryMb} problem={problems.memoryMb} />
    </div>
  );
}
