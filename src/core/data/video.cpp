// Names of the inputs and account statuses (see video.h).
#include "core/data/video.h"

namespace likecast {

const char* InputFieldName(InputField field) {
  switch (field) {
    case InputField::views: return "views";
    case InputField::shares: return "shares";
    case InputField::comments: return "comments";
    case InputField::downloads: return "downloads";
    case InputField::duration_sec: return "duration_sec";
    case InputField::verified: return "verified";
    case InputField::author_status: return "author_status";
  }
  return "?";
}

std::optional<InputField> InputFieldFromName(const std::string& name) {
  for (int i = 0; i < kInputFieldCount; ++i) {
    const auto field = static_cast<InputField>(i);
    if (name == InputFieldName(field)) return field;
  }
  return std::nullopt;
}

bool IsInputKnown(const VideoInputs& inputs, InputField field) {
  switch (field) {
    case InputField::views: return inputs.views.has_value();
    case InputField::shares: return inputs.shares.has_value();
    case InputField::comments: return inputs.comments.has_value();
    case InputField::downloads: return inputs.downloads.has_value();
    case InputField::duration_sec: return inputs.duration_sec.has_value();
    case InputField::verified: return inputs.verified.has_value();
    case InputField::author_status: return inputs.author_status.has_value();
  }
  return false;
}

const char* AuthorStatusName(AuthorStatus status) {
  switch (status) {
    case AuthorStatus::active: return "active";
    case AuthorStatus::under_review: return "under_review";
    case AuthorStatus::banned: return "banned";
  }
  return "?";
}

std::optional<AuthorStatus> AuthorStatusFromName(const std::string& name) {
  if (name == "active") return AuthorStatus::active;
  if (name == "under_review" || name == "under review" || name == "under-review") return AuthorStatus::under_review;
  if (name == "banned") return AuthorStatus::banned;
  return std::nullopt;
}

}  // namespace likecast
