// The feature pipeline: from a video's inputs to the network's input vector.
//
// Missing inputs are first filled with the typical value for videos of the
// same view band (the Imputer), and the caller is told which ones. Counts
// enter as log per-view rates, so the network sees engagement, not size:
//   log_views          log1p(views)
//   log_share_rate     log1p(shares)    - log1p(views)
//   log_comment_rate   log1p(comments)  - log1p(views)
//   log_download_rate  log1p(downloads) - log1p(views)
//   log_duration       log1p(duration_sec)
//   verified, under_review, banned   0 or 1
// Each is then standardised with the mean and standard deviation of the
// training rows, stored in the model file.
#pragma once

#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/data/video.h"

namespace likecast {

// A video's inputs with every value known.
struct CompleteInputs {
  double views = 0;
  double shares = 0;
  double comments = 0;
  double downloads = 0;
  double duration_sec = 0;
  bool verified = false;
  AuthorStatus author_status = AuthorStatus::active;
  bool downloads_estimated = false;   // set by the Imputer when it estimated downloads; the range has its own shifts
};

constexpr int kFeatureCount = 8;
const std::vector<std::string>& FeatureNames();
void ComputeRawFeatures(const CompleteInputs& inputs, double* features);   // kFeatureCount values

// The scale of a feature that was constant in the training rows: any value then encodes to about 0.
constexpr double kConstantFeatureStd = 1e9;

struct FeatureScaling {
  std::string name;
  double mean = 0;
  double std = 1;
};

class FeaturePipeline {
 public:
  static FeaturePipeline Fit(const std::vector<CompleteInputs>& rows);
  void Encode(const CompleteInputs& inputs, float* features) const;        // kFeatureCount standardised values
  std::string Validate() const;                                             // empty when valid
  // True when the training rows never varied `field` (a file without durations, say), so the model ignores it.
  bool Ignores(InputField field) const;

  std::vector<FeatureScaling> scaling;
};

// Typical values of the optional inputs, per view band, from the training rows.
struct ViewBand {
  double min_views = 0;          // the band covers views >= min_views, up to the next band's min
  double share_rate = 0;         // median shares per view
  double comment_rate = 0;       // median comments per view
  double download_rate = 0;      // median downloads per view
  double duration_sec = 0;       // median duration
};

class Imputer {
 public:
  static Imputer Fit(const std::vector<VideoRecord>& rows, int band_count = 10);

  // Fills every unknown input but views (which must be known) and lists what it assumed.
  CompleteInputs Complete(const VideoInputs& inputs, std::vector<InputField>* assumed) const;
  const ViewBand& BandFor(double views) const;
  int BandIndex(double views) const;
  std::string Validate() const;

  std::vector<ViewBand> bands;   // ordered by min_views; the first has min_views 0
  // Unknown downloads are estimated from the other counts when this has 4 values:
  // log1p(downloads) = c[0] + c[1] log1p(shares) + c[2] log1p(comments) + c[3] log1p(views),
  // fitted by least squares on the training rows. Empty: the view band's typical download rate.
  std::vector<double> download_regression;
  bool typical_verified = false;
  AuthorStatus typical_status = AuthorStatus::active;
};

CompleteInputs CompleteFromRecord(const VideoRecord& record, const Imputer& imputer);

}  // namespace likecast
