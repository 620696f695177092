// Where a call's voicemail audio is served (Bolt's relay, never Twilio's URL). Client-safe: the
// player and the API's call detail both link here.
export function callRecordingPath(callId: string): string {
  return `/api/telephony/call-logs/${encodeURIComponent(callId)}/recording`;
}
