// The C boundary of the JavaScript API (likecast-api.mjs): a handful of
// functions that take and return JSON text, so the JavaScript side stays a
// thin wrapper (likecast_api.js) and every rule about inputs lives in C++.
//
// Every function returns JSON owned by the API and valid until the next call:
// the result object, or {"error": "what failed, on which value, what to do"}.
// Input keys use the JavaScript spelling: views, shares, comments, downloads,
// durationSec, verified, authorStatus.
#pragma once

extern "C" {

// Reads a model file's text. Returns {"handle": N} with N > 0, or {"error": ...}.
const char* likecast_api_load_model(const char* model_json);

// Frees a model loaded by likecast_api_load_model; unknown handles are ignored.
void likecast_api_free_model(int handle);

// Predicts likes for one video: {"likes", "p10", "p90", "assumed": [...], "used": {...}}.
const char* likecast_api_predict(int handle, const char* inputs_json);

// Ranks the levers a creator controls: {"likes", "group", "groupRows", "recommendations": [...]}.
const char* likecast_api_advise(int handle, const char* inputs_json);

// Reads one chat message as a fresh conversation would:
// {"intent", "inputs", "likes", "changes", "rejected", "unusedCounts", "unknownNumbers", "notes", "reply", ...}.
const char* likecast_api_parse(int handle, const char* message);

}  // extern "C"
