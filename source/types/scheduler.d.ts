/** The two calls of React's scheduler (the package has no types of its own) that the input guard uses. */
declare module 'scheduler' {
	export const unstable_IdlePriority: number;
	export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
}
