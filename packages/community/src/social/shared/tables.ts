/** The social module's tables as Kysely sees them; no other module reads these. */
export interface SocialTables {
  social_follows: { follower_id: string; followee_id: string; created_at: number };
  social_follow_counts: { account_id: string; followers: number; following: number };
  social_likes: { account_id: string; note_id: string; created_at: number };
  social_collections: {
    id: string;
    owner_id: string;
    name: string;
    description: string;
    /** 0/1: SQLite has no boolean type. */
    is_private: number;
    is_default: number;
    note_count: number;
    created_at: number;
    updated_at: number;
  };
  social_collection_items: { collection_id: string; note_id: string; account_id: string; created_at: number };
  social_collects: { account_id: string; note_id: string; boards: number; created_at: number };
  social_comments: {
    id: string;
    note_id: string;
    author_id: string;
    root_id: string | null;
    reply_to_account_id: string | null;
    body: string;
    language: string;
    /** Mentioned account ids as a JSON array. */
    mentions: string;
    reply_count: number;
    /** Counted on write (social_comment_likes), for "most liked" paging. */
    like_count: number;
    created_at: number;
  };
  social_comment_likes: { comment_id: string; account_id: string; created_at: number };
}
