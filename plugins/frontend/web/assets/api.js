// Talking to the server. State-changing requests carry the page's token (from the session the
// page was served in); the server refuses them without it.

const token = document.querySelector('meta[name="csrf-token"]').content;

export class ApiError extends Error {
  constructor(message, status, details = {}) {
    super(message);
    this.status = status;
    this.file = details.file;
    this.line = details.line;
    this.reload = Boolean(details.reload);
  }
}

async function request(method, path, body, headers = {}) {
  let response;
  try {
    response = await fetch(path, {method, body, headers: {...headers, 'X-Rehearse-Token': token}, credentials: 'same-origin'});
  } catch (error) {
    throw new ApiError('The server cannot be reached. Is `rehearse serve` still running?', 0);
  }
  let data = null;
  try {
    data = await response.json();
  } catch (error) {
    throw new ApiError(`The server answered HTTP ${response.status}.`, response.status);
  }
  if (!response.ok) {
    const error = data && data.error ? data.error : {};
    throw new ApiError(error.message || `The server answered HTTP ${response.status}.`, response.status,
                       {...error, reload: data && data.reload});
  }
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body = {}) => request('POST', path, JSON.stringify(body), {'Content-Type': 'application/json'}),
  upload: (path, form) => request('POST', path, form),
};
