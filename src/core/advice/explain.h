// Explanations: why the model predicts what it does for one video.
//
// The baseline is a typical video with the same views: the median share,
// comment and download rates and duration of its view band, and the most
// common verified and account status (the model's imputation table). Each
// other input gets the exact Shapley value of moving it from the baseline to
// the video's value (occlusion averaged over every order of the inputs), so
// the parts add up to likes - baseline_likes, up to rounding.
#pragma once

#include <string>
#include <vector>

#include "core/data/video.h"
#include "core/model/features.h"
#include "core/model/model.h"

namespace likecast {

// The share of the prediction's distance from the baseline owed to one input.
struct Attribution {
  InputField field = InputField::shares;
  std::string name;              // "shares", "comments", "downloads", "duration_sec", "verified", "author_status"
  std::string value_text;        // the video's value as shown to a creator: "1.2K", "45 s", "verified", "banned"
  std::string baseline_text;     // the typical video's value, in the same form
  double likes = 0;              // contribution in likes; negative when the input lowers the prediction
  double fraction = 0;           // likes / baseline_likes (0 when the baseline is 0)
};

struct Explanation {
  double likes = 0;                    // the model's prediction for the video
  double baseline_likes = 0;           // the model's prediction for the baseline video
  CompleteInputs baseline;             // the typical video with the same views
  std::vector<Attribution> parts;      // one per input but views, largest |likes| first
  std::string summary;                 // one or two sentences for the chat's "why"
  std::string error;                   // set when the model cannot be used (no parts then)
};

// Attributes the prediction for `inputs` to each input but views. `inputs.views` must be > 0.
Explanation Explain(const Model& model, const CompleteInputs& inputs);

// The typical video with the same views that Explain measures from.
CompleteInputs TypicalVideo(const Model& model, double views);

}  // namespace likecast
