package nl.schakel.audit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** The review queue. */
interface ReviewItems extends Repository<ReviewItem, UUID> {

	ReviewItem save(ReviewItem item);

	Optional<ReviewItem> findById(UUID id);

	List<ReviewItem> findByStateOrderByDueAtAsc(ReviewItem.State state, Limit limit);

	List<ReviewItem> findByStateOrderByReviewedAtDesc(ReviewItem.State state, Limit limit);

}
