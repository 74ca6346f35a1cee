// What a person reads for Lumina's error codes (README, "Error codes"); the code itself is shown beside it.
const MESSAGES = {
  credentials_invalid: "Wrong username or password.",
  access_denied: "The sign-in was refused.",
  state_invalid: "The sign-in expired or was started in another window. Please try again.",
  csrf_invalid: "The form expired. Please try again.",
  provider_error: "The sign-in provider did not answer as expected.",
  network_error: "The sign-in service cannot be reached.",
  server_error: "The sign-in service answered something unexpected.",
};

export function describe(code) {
  return MESSAGES[code] ?? "The sign-in failed.";
}
