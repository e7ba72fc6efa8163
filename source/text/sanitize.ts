/**
Text from slides reaches terminals, files and pages; none of it may carry control bytes.
*/
const controls = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/** Takes out every control character but the newline (tabs become a space). */
export function stripControls(text: string): string {
	return text.replaceAll('\t', ' ').replaceAll(controls, '');
}
